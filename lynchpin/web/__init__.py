"""The site shell: base template, navigation, dashboard registry, auth pages, error pages,
static CSS/JS. App pages live in their apps and extend ``web/base.html``."""
