"""Skill gaps: what the applications asked for, what the profile lacks, and what to do about it.

``top_gaps`` and ``suggest_gap_actions`` are the entry points the action plan uses.
"""

from nextround.skills.actions import gap_options, suggest_gap_actions
from nextround.skills.gaps import SkillGap, SkillReport, Strength, analyse_skills, top_gaps
from nextround.skills.vocabulary import Vocabulary, load_vocabulary

__all__ = [
    "SkillGap",
    "SkillReport",
    "Strength",
    "Vocabulary",
    "analyse_skills",
    "gap_options",
    "load_vocabulary",
    "suggest_gap_actions",
    "top_gaps",
]
