"""A trainer's workshops (views.py, forms.py) and the participants' way in (join.py)."""
