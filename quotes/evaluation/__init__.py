"""What `quotes eval` scores (`items`), how it reads gold and predicted quotes (`load`)
and how it shows the figures and errors (`report`); the scoring itself, and the
command, are `quotes.evaluate`.
"""
