import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """The credential held gets a table of its own; the cells' member and year may be empty
    while 0107 moves the data (and again when it is undone)."""

    dependencies = [
        ("credentials", "0001_initial"),
        ("hiringdata", "0105_hiringcount_submission_no_own_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="HiringCredentialCount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "training_pathway",
                    models.CharField(
                        choices=[
                            ("four_year_degree", "Four-year degree"),
                            ("two_year_degree", "Two-year degree"),
                            ("bootcamp", "Bootcamp"),
                            ("industry_certification", "Industry certification"),
                            ("apprenticeship", "Apprenticeship"),
                            ("military", "Military"),
                            ("employer_training", "Employer training"),
                            ("self_taught", "Self-taught"),
                            ("other", "Other"),
                            ("not_disclosed", "Not disclosed"),
                        ],
                        max_length=30,
                    ),
                ),
                ("hires", models.PositiveIntegerField()),
                (
                    "credential",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="credentials.credential",
                    ),
                ),
                (
                    "submission",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="credential_counts",
                        to="hiringdata.submission",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("submission", "training_pathway", "credential"),
                        name="hiringcredentialcount_one_cell",
                        nulls_distinct=False,
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("hires__gte", 0)),
                        name="hiringcredentialcount_hires_nonnegative",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "training_pathway__in",
                                [
                                    "four_year_degree",
                                    "two_year_degree",
                                    "bootcamp",
                                    "industry_certification",
                                    "apprenticeship",
                                    "military",
                                    "employer_training",
                                    "self_taught",
                                    "other",
                                    "not_disclosed",
                                ],
                            )
                        ),
                        name="hiringcredentialcount_known_pathway",
                    ),
                ],
            },
        ),
        migrations.AlterField(
            model_name="hiringcount",
            name="member",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="hiring_counts",
                to="alliance.member",
            ),
        ),
        migrations.AlterField(
            model_name="hiringcount",
            name="year",
            field=models.PositiveSmallIntegerField(null=True),
        ),
    ]
