"""Django project configuration: settings from the environment, URL root, WSGI/ASGI entry points."""
