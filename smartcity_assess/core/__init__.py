"""Pure domain rules: framework model and validation, scoring, comparison. No Qt, no SQL."""
