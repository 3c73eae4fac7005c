import pytest
from django.contrib.auth import get_user_model

from units.models import CityRole


@pytest.fixture
def make_user(db):
    """A user in the given groups (a group or a CityRole key), signed in through the returned client."""

    def make(username, *groups, superuser=False):
        user = get_user_model().objects.create_user(username, f"{username}@example.vn", "pw", is_superuser=superuser)
        for group in groups:
            if isinstance(group, str):
                group = CityRole.objects.get(key=group).group
            user.groups.add(group)
        return user

    return make


@pytest.fixture
def client_for(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in
