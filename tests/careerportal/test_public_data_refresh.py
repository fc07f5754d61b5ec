"""The daily re-run of the public-data loads a deployer configures (PUBLIC_DATA_REFRESH)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from careerportal.public_data import carried_data_dir, refresh_commands
from careerportal.tasks import PublicDataRefreshError, public_data_refresh
from pathways.publicdata.models import DataLoad

pytestmark = pytest.mark.django_db

CROSSWALK = f"load_crosswalk {carried_data_dir()}/crosswalks/soc2018_cip2020_crosswalk.csv.xz"


def test_a_configured_source_loads_once_and_an_unchanged_one_is_skipped(settings):
    settings.PUBLIC_DATA_REFRESH = [CROSSWALK]
    public_data_refresh.apply(throw=True)
    assert DataLoad.objects.filter(source="cip_soc_crosswalk").count() == 1
    public_data_refresh.apply(throw=True)  # the same file again: nothing loaded, nothing new
    assert DataLoad.objects.filter(source="cip_soc_crosswalk").count() == 1


def test_a_failing_source_is_named_and_the_others_still_load(settings, tmp_path):
    settings.PUBLIC_DATA_REFRESH = [f"load_oews {tmp_path}/missing.xlsx", CROSSWALK]
    with pytest.raises(PublicDataRefreshError, match=r"load_oews .*missing\.xlsx"):
        public_data_refresh.apply(throw=True)
    assert DataLoad.objects.filter(source="cip_soc_crosswalk").count() == 1


@pytest.mark.parametrize("entry", ["flush --noinput", "", "'load_oews"])
def test_only_the_importers_may_be_scheduled(entry):
    with pytest.raises((ImproperlyConfigured, ValueError)):
        refresh_commands([entry])


def test_entries_are_split_like_a_shell_line():
    assert refresh_commands(['load_etpl "/srv/etpl files/nj.csv" --state NJ']) == [
        ["load_etpl", "/srv/etpl files/nj.csv", "--state", "NJ"]
    ]
