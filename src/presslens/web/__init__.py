"""``presslens serve``: a REST API and a web page over a corpus database.

``app.create_app`` builds the FastAPI application (API under ``/api``, the page at ``/``, OpenAPI
docs at ``/docs``); ``queries`` holds the read-only views of the store it serves; ``bodies`` turns
a request body into a raw article for ``POST /api/analyze``. The page is plain JavaScript modules
under ``static/`` with cytoscape vendored under ``static/vendor/`` (``make vendor``): it needs no
network.
"""
