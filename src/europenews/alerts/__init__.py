"""Alerts on extracted facts: named rules, matched against a story after each assignment,
recorded once per (rule, story) in the store and delivered as Atom, webhook or e-mail.

::

    rules.py    AlertRule and its conditions, parsed from TOML ``[[alerts]]`` or API JSON
    match.py    match_rule(rule, facts): pure, over the story's facts (StoryFacts)
    watch.py    AlertWatcher: the call the clustering stage makes after a story changes
    atom.py     Atom feeds (an alert's hits, and any list the site shows)
    deliver.py  webhook (HMAC-signed JSON, retries with back-off) and SMTP e-mail, by frequency
    replay.py   ``alerts replay``: articles through the whole pipeline into a throwaway store
"""
