"""PLOVER events from Arabic clauses: trigger, participants, place, date, source, certainty.

Where a change goes:
- words and reaches: ``data/ar/triggers.yaml`` (triggers, cues) and ``data/ar/events.yaml``
  (closed word lists), read by ``lexicon.py``;
- what keeps a trigger from making an event: ``gates.py`` (``GATES``, ``AFTER_ROLES``);
- who takes part and where: ``participants.py`` (mentions sorted, the subject chosen);
- who acts and who is acted on: ``roles.py`` (``ROLE_RULES``, one named function each);
- sources and certainty ``sources.py``, dates ``dating.py``, places of visits ``places.py``,
  retellings merged ``merge.py``; the loop that runs them ``component.py``.

A gate or role rule whose first test returns at once for some triggers ("if
c.trigger.type != "CONSULT" or c.is_verb: return None") carries the same condition as a
mark, ``@only_for(type="CONSULT", pos="noun")`` (``clause.py``): the tables then skip it for
other triggers. tests/events/test_rule_types.py reads each rule's first test and fails when
a mark says more or other than it; a rule left unmarked is simply run for every trigger.
"""

from .component import extract_events

__all__ = ["extract_events"]
