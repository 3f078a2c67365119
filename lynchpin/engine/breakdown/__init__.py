"""Script breakdown: elements by Universal Schedule Standard category, per scene."""
