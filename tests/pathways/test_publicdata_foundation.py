"""Public-data foundation: the load record, the crosswalk and ZCTA importers, distances."""

import pytest
from django.core.management import CommandError, call_command

from pathways.publicdata.models import Cip, CipSoc, DataLoad, Zcta
from pathways.publicdata.places import within_miles, zcta_get

from .publicdata_files import CARRIED, derived, public_file

pytestmark = pytest.mark.django_db

CROSSWALK = "crosswalks/soc2018_cip2020_crosswalk.csv"
ZCTA = "geo/census_zcta_2023_centroids.csv"


def test_crosswalk_loads_every_pair_and_cip_with_a_record():
    call_command("load_crosswalk", str(public_file(CROSSWALK)))
    assert CipSoc.objects.count() == 6093
    assert Cip.objects.get(code="11.1003").title.startswith("Computer and Information Systems Sec")
    assert CipSoc.objects.filter(cip_id="11.0101", soc_code="15-1211").exists()
    load = DataLoad.objects.get()
    assert (load.source, load.status, load.rows_read) == ("cip_soc_crosswalk", "loaded", 6093)
    assert load.rows_added == 6093 + Cip.objects.count()
    assert len(load.sha256) == 64
    assert load.finished_at is not None
    assert "National Center for Education Statistics" in load.publisher


def test_same_bytes_twice_change_nothing_even_from_the_compressed_copy():
    call_command("load_crosswalk", str(public_file(CROSSWALK)))
    before = list(CipSoc.objects.values_list("id", "cip_id", "soc_code"))
    call_command("load_crosswalk", str(CARRIED / (CROSSWALK + ".xz")))
    assert list(CipSoc.objects.values_list("id", "cip_id", "soc_code")) == before
    assert DataLoad.objects.count() == 1


def test_force_reloads_and_counts_nothing_changed():
    call_command("load_crosswalk", str(public_file(CROSSWALK)))
    call_command("load_crosswalk", str(public_file(CROSSWALK)), "--force")
    latest = DataLoad.objects.first()
    assert (latest.rows_added, latest.rows_changed, latest.rows_removed) == (0, 0, 0)


def test_a_newer_file_replaces_pairs_and_removes_dropped_ones(tmp_path):
    call_command("load_crosswalk", str(public_file(CROSSWALK)))
    smaller = derived(tmp_path, public_file(CROSSWALK), lambda lines: lines[:-10])
    call_command("load_crosswalk", str(smaller))
    assert CipSoc.objects.count() == 6083
    assert DataLoad.objects.first().rows_removed == 10


def _refused(command, path, *expected):
    with pytest.raises(CommandError) as error:
        call_command(command, str(path))
    for text in expected:
        assert text in str(error.value)
    return str(error.value)


def test_soc_code_turned_into_a_date_is_refused_naming_row_and_column(tmp_path):
    path = derived(
        tmp_path,
        public_file(CROSSWALK),
        lambda lines: [lines[0], lines[1].replace(b"11-1011", b"Nov-11", 1), *lines[2:]],
    )
    message = _refused("load_crosswalk", path, "row 2", "'SOC2018Code'", "Nov-11", "date")
    assert "nothing loaded" in message
    assert CipSoc.objects.count() == 0
    refused = DataLoad.objects.get()
    assert refused.status == "refused"
    assert "Nov-11" in refused.message


def test_reordered_columns_are_refused(tmp_path):
    def swap(lines):
        out = []
        for line in lines:
            head, rest = line.split(b",", 1)
            out.append(rest.rstrip(b"\r\n") + b"," + head + b"\n")
        return out

    path = derived(tmp_path, public_file(ZCTA), swap)
    _refused("load_zcta", path, "row 1", "published order")
    assert Zcta.objects.count() == 0


def test_truncated_file_is_refused_at_the_cut_row(tmp_path):
    def cut(lines):
        return [*lines[:500], lines[500][:20]]

    path = derived(tmp_path, public_file(ZCTA), cut)
    _refused("load_zcta", path, "row 501", "ends early")
    assert Zcta.objects.count() == 0


def test_wrong_encoding_is_refused_naming_row_and_column(tmp_path):
    def latin1(lines):
        return [
            *lines[:3],
            lines[3].replace(b"Chief Executives", b"Chief Ex\xe9cutives", 1),
            *lines[4:],
        ]

    path = derived(tmp_path, public_file(CROSSWALK), latin1)
    _refused("load_crosswalk", path, "row 4", "'SOC2018Title'", "UTF-8")


def test_duplicate_key_is_refused(tmp_path):
    path = derived(tmp_path, public_file(ZCTA), lambda lines: [*lines, lines[1]])
    _refused("load_zcta", path, "row 33793", "'ZCTA5'", "appears twice")


def test_wrong_kind_of_file_is_refused_naming_missing_columns():
    message = _refused("load_zcta", public_file(CROSSWALK), "row 1", "missing")
    assert "ZCTA5" in message and "Latitude" in message


def test_a_refused_file_leaves_the_previous_vintage_live(tmp_path):
    call_command("load_zcta", str(public_file(ZCTA)))
    bad = derived(
        tmp_path, public_file(ZCTA), lambda lines: [*lines[:-1], lines[-1].replace(b".", b"x", 1)]
    )
    _refused("load_zcta", bad, "row 33792", "not a number")
    assert Zcta.objects.count() == 33791


def test_zip_radius_finds_nearby_zips_sorted_by_distance():
    call_command("load_zcta", str(public_file(ZCTA)))
    newark = zcta_get(code="07102")
    assert newark is not None
    assert (round(newark.latitude, 3), round(newark.longitude, 3)) == (40.736, -74.174)
    near = list(
        within_miles(
            Zcta.objects.all(), latitude=newark.latitude, longitude=newark.longitude, miles=5
        ).order_by("distance_miles")
    )
    assert near[0].code == "07102"
    assert near[0].distance_miles == pytest.approx(0, abs=1e-6)
    assert {"07103", "07104", "07105"} <= {z.code for z in near}
    assert all(z.distance_miles <= 5 for z in near)
    # Jersey City 07302 is about 6 miles from Newark's centre: in at 10, out at 5.
    assert "07302" not in {z.code for z in near}
    far = within_miles(
        Zcta.objects.all(), latitude=newark.latitude, longitude=newark.longitude, miles=10
    )
    assert far.filter(code="07302").exists()


def test_load_public_data_loads_the_carried_files_then_skips_them(capsys):
    call_command("load_public_data")
    assert Zcta.objects.count() == 33791
    loads = DataLoad.objects.count()
    call_command("load_public_data")
    assert DataLoad.objects.count() == loads
    assert "unchanged" in capsys.readouterr().out
