"""What the alliance tells the layers above (they connect; the alliance never imports them)."""

from django.dispatch import Signal

# Sent inside commitment_sign's transaction with commitment (a new hiring-data commitment).
# The hiring-data app answers by marking it done when an accepted file was filed since signing:
# a member that uploaded this year's file in the morning and signs in the afternoon has kept it.
hiring_data_commitment_signed = Signal()

# Sent inside hiring_standard_review's transaction with standard (just approved). The
# reconvening app answers by keeping that year's version of the standard.
hiring_standard_approved = Signal()
