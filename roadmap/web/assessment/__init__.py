"""The self-assessment wizard blueprint: its views and forms."""
