"""Content: reading YAML, validating it into typed models, and describing the format."""
