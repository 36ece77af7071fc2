"""The dataset layer: everything that joins records across articles.

It reads records, never articles: `identity` (one person, one id), `quotations`
(one quotation, one id), `index` (the SQLite database) and `find` (search it).
"""
