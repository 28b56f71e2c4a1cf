"""The chart palette stays distinguishable under simulated colour-blindness.

Simulation: Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of Color
Vision Deficiency", severity 1.0 matrices, applied to linear RGB. Distance: CIE76 ΔE in CIELAB (D65).
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from nextround.figures.theme import read_theme, theme
from tests.fixtures.paths import ROOT

SIMULATIONS = {
    "protanopia": np.array(
        [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
    ),
    "deuteranopia": np.array(
        [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
    ),
    "tritanopia": np.array(
        [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]
    ),
}
SRGB_TO_XYZ = np.array(
    [[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750], [0.0193339, 0.1191920, 0.9503041]]
)
D65_WHITE = SRGB_TO_XYZ @ np.ones(3)
MIN_DELTA_E = 15.0  # clearly apart for small chart marks side by side (a just-noticeable difference is ~2.3)


def linear_rgb(colour: str) -> np.ndarray:
    value = np.array([int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]) / 255
    return np.where(value <= 0.04045, value / 12.92, ((value + 0.055) / 1.055) ** 2.4)


def lab(linear: np.ndarray) -> np.ndarray:
    t = (SRGB_TO_XYZ @ np.clip(linear, 0, 1)) / D65_WHITE
    delta = 6 / 29
    f = np.where(t > delta**3, np.cbrt(t), t / (3 * delta**2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def closest_pair(colours: tuple[str, ...], simulation: np.ndarray) -> tuple[float, str, str]:
    seen = [lab(simulation @ linear_rgb(c)) for c in colours]
    return min(
        (float(np.linalg.norm(seen[i] - seen[j])), colours[i], colours[j])
        for i, j in itertools.combinations(range(len(colours)), 2)
    )


def test_the_figures_use_the_theme_of_the_streamlit_config():
    assert read_theme(ROOT / ".streamlit" / "config.toml") == theme()
    configured = theme().categorical
    assert len(configured) >= 6
    assert len({c.upper() for c in configured[:6]}) == 6


@pytest.mark.parametrize("deficiency", [*SIMULATIONS, "normal vision"])
def test_first_six_chart_colours_stay_apart(deficiency: str):
    simulation = SIMULATIONS.get(deficiency, np.eye(3))
    distance, first, second = closest_pair(theme().categorical[:6], simulation)
    assert distance >= MIN_DELTA_E, f"{first} and {second} look alike with {deficiency} (ΔE {distance:.1f})"


def test_the_check_catches_a_red_green_palette():
    # Plotly's default red and green: fine for normal vision, nearly one colour with deuteranopia.
    red_green = ("#D62728", "#2CA02C")
    assert closest_pair(red_green, np.eye(3))[0] > 50
    assert closest_pair(red_green, SIMULATIONS["deuteranopia"])[0] < MIN_DELTA_E


def test_simulations_keep_greys_grey():
    for simulation in SIMULATIONS.values():
        assert np.allclose(simulation.sum(axis=1), 1.0, atol=1e-3)
