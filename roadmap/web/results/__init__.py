"""The results blueprint: the results page, and the action plan entered on it."""
