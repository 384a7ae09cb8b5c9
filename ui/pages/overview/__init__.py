"""概览: where the campaign stands, at a glance, and what to do next.

- ``ahead``: the figures the page opens on, counted as soon as the data file is open (no widgets);
- ``page``: ``OverviewPage``; ``figures``: its figures, each a button (``ListRequest``);
  ``charts``: its charts.

Import the modules themselves: this package imports none of them, so that the
counting can start before the page's widgets are imported.
"""
