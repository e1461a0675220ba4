"""Extraction rules: the families of constructions that state a relation, over a shared sentence.

Each family is one module registered in :mod:`kg.rules.registry`:

* :mod:`~kg.rules.titles`     a person's title: "Iranian President Ebrahim Raisi" -> Raisi leads Iran
* :mod:`~kg.rules.joint`      coordinated actors acting "jointly" or "together" cooperate
* :mod:`~kg.rules.refusal`    the one asked who declines rejects the one who asked
* :mod:`~kg.rules.adjectival` a participle modifier: "the Rwanda-backed M23"
* :mod:`~kg.rules.verbal`     a trigger verb or predicative adjective with its subject and object,
                              light verbs ("imposed sanctions on"), converse and passive verbs
* :mod:`~kg.rules.nominal`    a trigger noun: "Turkey's backing for Azerbaijan", "talks between
                              Ethiopia and Sudan"

A token family finds *frames* (:class:`~kg.rules.context.Frame`); the trigger's slots are filled
by :mod:`kg.rules.frames` through the resolvers of :mod:`kg.slots`, negation and hedging come from
:mod:`kg.rules.modality`, and :mod:`kg.rules.relation` states a frame as relations
(:class:`~kg.rules.relation.Relation`). :mod:`kg.extract` runs the families over each sentence
(:class:`~kg.rules.context.Sentence`); importing this package registers them.
"""

from kg.rules import adjectival, joint, nominal, refusal, titles, verbal  # noqa: F401  (registers the families)
