"""Who did something: a signed-in user, an anonymous visitor, or nobody (a command, a task)."""

from django.contrib.auth.models import AnonymousUser, User

Actor = User | AnonymousUser | None


def user_or_none(actor: Actor) -> User | None:
    """The user to store on a row (uploaded by, owner, audit actor); None when not signed in."""
    if actor is None or isinstance(actor, AnonymousUser):
        return None
    return actor
