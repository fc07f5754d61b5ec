from tests.alliance.conftest import (  # noqa: F401 (fixtures)
    admin_user,
    member,
    occupation,
    other_member,
    task_force_user,
)
