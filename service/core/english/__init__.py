"""The English of news prose, as data: every word table the core reads with, in one package.

Data only: these modules import nothing from the rest of the core (a test enforces it), so a
table can be read, reviewed and extended without reading any code. Each module holds one kind
of knowledge; the modules that read text import the tables they need from here.
"""
