from odoo import fields, models


class CrRegion(models.Model):
    """A sales / service region: its revenue group (000/R-CR-05) and its technical
    staff (000/R-CR-11)."""

    _name = "cr.region"
    _description = "Client Region"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    revenue_group = fields.Selection(
        [("1", "Group 1"), ("2", "Group 2"), ("3", "Group 3")],
        default="1",
        required=True,
        help="000/R-CR-05: the letter-revenue group of the region; groups 2 and 3 may "
        "apply a coefficient to the tier bands.",
    )
    tier_coefficient = fields.Float(
        default=1.0,
        digits=(3, 2),
        help="000/R-CR-05: the tier bands of this region's clients are multiplied by "
        "this coefficient (0.8–0.9 for groups 2 and 3; 1 elsewhere).",
    )
    technician_ids = fields.Many2many(
        "res.users",
        "cr_region_technician_rel",
        "region_id",
        "user_id",
        string="Technical Staff",
        domain=[("share", "=", False)],
        help="000/R-CR-11: the technical staff who visit the region's clients.",
    )

    # --- cr-file

    # --- cr-visit
    cr_technician_warning = fields.Char(
        string="Technical Staff Warning",
        compute="_compute_cr_technician_warning",
        help="000/R-CR-11: a region has 1–2 technical staff (company settings).",
    )

    def _compute_cr_technician_warning(self):
        for region in self:
            region.cr_technician_warning = region._cr_technician_warning_text()

    def _cr_technician_warning_text(self):
        """000/R-CR-11: the regions whose technical staff count is outside the
        company's range, as one warning line (empty when all are in range)."""
        wrong = []
        for region in self:
            company = region.company_id or self.env.company
            low = company.cr_visit_technicians_min
            high = company.cr_visit_technicians_max
            count = len(region.technician_ids)
            if not low <= count <= high:
                wrong.append(
                    self.env._(
                        "%(region)s has %(count)s technical staff (%(low)s–%(high)s "
                        "expected)",
                        region=region.display_name,
                        count=count,
                        low=low,
                        high=high,
                    )
                )
        return "; ".join(wrong)
