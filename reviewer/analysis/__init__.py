"""Analysis: the finders that read a loaded ``Document``.

Outline (GB/T 9704 layers; a 目录 is left out by ``contents``), metadata (with
``metadata_hints`` for pages without a clean header), citations, figures with their numerals
and labels (jieba, loaded lazily through ``segmenter``, which reads only the words of the
pieces it segments from ``dictionary_shards`` in the cache directory; ``pos_tokens`` tags them
without jieba.posseg; ``tables`` reads tables rendered as text, ``label_fallbacks`` names what
the phrase finder leaves unnamed).  Each finder is a pure function returning dataclasses from
``reviewer.model`` with spans into ``document.text``.

May import: ``reviewer.load``, ``reviewer.model``, ``reviewer.messages``, ``reviewer.paths``.
Exports: ``outline.find_sections``, ``metadata.find_metadata``, ``citations.find_citations``,
``figures.find_figures``.  ``reviewer.pipeline.analyze`` runs them with the checks.
"""
