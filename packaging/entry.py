"""The frozen build's entry point: the same ``wirausaha`` command as the installed package."""

from wirausaha_desktop.__main__ import console

console()
