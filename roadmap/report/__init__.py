"""Everything a reader sees on more than one surface: wording, charts, typography, PDF."""
