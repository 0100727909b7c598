"""Running the engine over inputs: the one per-file runner, and the drivers that feed it.

``discover`` finds the files a lint reads; ``runner`` reads one file, web archive or URL into
pages and lints each (every driver, and ``claimcheck extract``, reads pages through it); ``pool``
runs it over many files in worker processes; ``dask`` runs it on a Dask cluster; ``registry``
runs the registry (CC4xx) rules; ``signals`` stops a run and its workers on SIGINT or SIGTERM.
"""
