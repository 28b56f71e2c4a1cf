"""The action plan: assembled from everything the app knows, edited by the user, downloaded."""
