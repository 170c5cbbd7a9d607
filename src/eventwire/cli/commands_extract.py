"""Placeholder: this command is being built."""
