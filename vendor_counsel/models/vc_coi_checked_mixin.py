from odoo import fields, models
from odoo.exceptions import UserError

from .vc_coi_check import COI_GROUPS

# changing one of these after a check makes the check stale
CHECK_INPUTS = (
    "firm_id",
    "lawyer_ids",
    "coi_counterparty_ids",
    "coi_counterparty_names",
)
COMPLIANCE = "vendor_counsel.group_vendor_counsel_compliance"


class VcCoiCheckedMixin(models.AbstractModel):
    """A record whose counterparties are checked against the conflict-of-interest
    declarations and engagements before it may proceed (002/W8 [INFERRED], issue 10
    item 7): requests and engagements.

    Everyone who reads the record sees ``coi_check_state`` (clear, possible conflict,
    blocked ...); the check itself, its matches and the waiver are readable only by
    compliance, internal audit and the audit committee (issue 10 item 8)."""

    _name = "vc.coi.checked.mixin"
    _description = "Conflict-Checked Record"

    coi_check_state = fields.Selection(
        [
            ("not_checked", "Not Checked"),
            ("clear", "Clear"),
            ("possible_conflict", "Possible Conflict"),
            ("cleared", "Cleared by Compliance"),
            ("waived", "Waived"),
            ("blocked", "Blocked"),
        ],
        string="Conflict Check",
        default="not_checked",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        help="The result of the conflict-of-interest check. A possible conflict "
        "blocks until compliance clears it or the audit committee waives it; an "
        "expired waiver blocks again. Contact compliance for the details.",
    )
    coi_check_id = fields.Many2one(
        "vc.coi.check",
        string="Conflict Check Record",
        readonly=True,
        copy=False,
        groups=COI_GROUPS,
    )
    coi_waiver_id = fields.Many2one(
        "vc.coi.waiver",
        string="Conflict Waiver",
        readonly=True,
        copy=False,
        groups=COI_GROUPS,
    )
    coi_clear_reason = fields.Text(
        string="Clearance Reason",
        readonly=True,
        copy=False,
        groups=COI_GROUPS,
    )
    coi_counterparty_ids = fields.Many2many(
        "res.partner",
        string="Counterparties",
        help="Adverse parties and the deal's counterparties: checked for conflicts "
        "with declared interests and with the firms the company engages.",
    )
    coi_counterparty_names = fields.Text(
        string="Other Counterparties",
        help="Counterparties that are not contacts, one name per line.",
    )

    def write(self, vals):
        """A change of the checked names makes the check stale: not checked."""
        if any(name in vals for name in CHECK_INPUTS if name in self._fields):
            vals = dict(vals, coi_check_state="not_checked")
        return super().write(vals)

    def _vc_coi_subject_names(self):
        """The names to check, with their role: the firm, its lawyers, the
        counterparties (partners and typed names)."""
        self.ensure_one()
        names = []
        if "firm_id" in self._fields and self.firm_id:
            names.append(
                {
                    "name": self.firm_id.name,
                    "role": "firm",
                    "partner_id": self.firm_id.id,
                }
            )
        if "lawyer_ids" in self._fields:
            names += [
                {"name": p.name, "role": "lawyer", "partner_id": p.id}
                for p in self.lawyer_ids
            ]
        names += [
            {"name": p.name, "role": "counterparty", "partner_id": p.id}
            for p in self.coi_counterparty_ids
        ]
        names += [
            {"name": line.strip(), "role": "counterparty"}
            for line in (self.coi_counterparty_names or "").splitlines()
            if line.strip()
        ]
        return names

    def action_coi_check(self):
        """Run the conflict check. Anyone who may edit the record may run it; the
        check is written with superuser rights because its matches are confidential
        (the requester sees only the resulting state)."""
        # compliance checks any record it may read; others the records they edit
        self.check_access("read" if self.env.user.has_group(COMPLIANCE) else "write")
        for record in self:
            if not record._vc_coi_subject_names():
                raise UserError(
                    self.env._(
                        "%(record)s names no law firm, lawyer or counterparty to "
                        "check.",
                        record=record.display_name,
                    )
                )
            # sudo: the check reads confidential declarations the user may not read
            check = self.env["vc.coi.check"].sudo()._vc_check_subject(record.sudo())
            state = "clear" if check.result == "clear" else "possible_conflict"
            record.sudo().write(
                {
                    "coi_check_state": state,
                    "coi_check_id": check.id,
                    "coi_waiver_id": False,
                    "coi_clear_reason": False,
                }
            )
        if len(self) == 1 and self.env.user.has_group(COMPLIANCE):
            return self.action_coi_open_check()
        return True

    def action_coi_open_check(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "vc.coi.check",
            "res_id": self.coi_check_id.id,
            "view_mode": "form",
        }

    def _vc_coi_check_compliance(self):
        if not self.env.user.has_group(COMPLIANCE):
            raise UserError(
                self.env._("Only a compliance officer may clear or waive a conflict.")
            )

    def action_coi_clear(self, reason=None):
        """Compliance clears a possible conflict (e.g. an accepted, disclosed
        interest): with a reason, tracked."""
        self._vc_coi_check_compliance()
        wrong = self.filtered(
            lambda r: r.coi_check_state not in ("possible_conflict", "blocked")
        )
        if wrong:
            raise UserError(
                self.env._(
                    "Only a possible or blocked conflict can be cleared: %(records)s.",
                    records=", ".join(wrong.mapped("display_name")),
                )
            )
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for clearing the conflict."))
        # sudo: compliance reads requests and engagements but edits only their
        # conflict fields, here (the guard above checked the group)
        self.sudo().write({"coi_check_state": "cleared", "coi_clear_reason": reason})
        for record in self.sudo():
            record.message_post(
                body=self.env._(
                    "Conflict cleared by compliance: %(reason)s", reason=reason
                )
            )
        return True

    def action_coi_waive(self, vals=None):
        """Compliance proposes a waiver to the audit committee: a draft
        ``vc.coi.waiver`` for this record, opened in a form."""
        self.ensure_one()
        self._vc_coi_check_compliance()
        if self.coi_check_state not in ("possible_conflict", "blocked"):
            raise UserError(
                self.env._(
                    "%(record)s has no conflict to waive.", record=self.display_name
                )
            )
        waiver = self.env["vc.coi.waiver"].create(
            {
                "res_model": self._name,
                "res_id": self.id,
                "subject_name": self.display_name,
                "company_id": self.company_id.id,
                "check_id": self.coi_check_id.id,
                **(vals or {}),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "vc.coi.waiver",
            "res_id": waiver.id,
            "view_mode": "form",
        }

    def _vc_coi_apply_waiver(self, waiver):
        # sudo: the committee approving a waiver may not be allowed to edit the
        # request or engagement itself; only the conflict fields are written
        self.sudo().write({"coi_check_state": "waived", "coi_waiver_id": waiver.id})
        self.sudo().message_post(
            body=self.env._(
                "Conflict waived by %(waiver)s, valid from %(start)s until %(end)s.",
                waiver=waiver.name,
                start=waiver.valid_from,
                end=waiver.valid_until,
            )
        )

    def _vc_coi_reblock(self, waiver):
        # sudo: written by the expiry cron or the compliance officer's cancel
        self.sudo().write({"coi_check_state": "blocked"})
        self.sudo().message_post(
            body=self.env._(
                "The conflict waiver %(waiver)s no longer applies (%(state)s): the "
                "conflict blocks again.",
                waiver=waiver.name,
                state=dict(waiver._fields["state"]._description_selection(self.env))[
                    waiver.state
                ],
            )
        )

    def _vc_coi_ensure_clear(self):
        """The guard the approving and signing actions call: refuses unless the
        conflict check is clear, cleared by compliance, or waived by a waiver valid
        today. The error says only the state (the details are confidential)."""
        today = fields.Date.context_today(self)
        # a record never checked is checked now; one naming nobody has nothing to
        # check (a request before any firm is proposed)
        unchecked = self.filtered(
            lambda r: r.coi_check_state == "not_checked" and r._vc_coi_subject_names()
        )
        if unchecked:
            # sudo: the approver need not be allowed to edit the record
            unchecked.sudo().action_coi_check()
        for record in self:
            state = record.coi_check_state
            if state == "not_checked" and not record._vc_coi_subject_names():
                continue
            if state in ("clear", "cleared"):
                continue
            if state == "waived":
                # sudo: the guard runs for users who may not read the waiver
                waiver = record.sudo().coi_waiver_id
                if waiver and waiver._vc_is_valid_on(today):
                    continue
                raise UserError(
                    self.env._(
                        "%(record)s: the conflict waiver is not valid today; "
                        "contact compliance.",
                        record=record.display_name,
                    )
                )
            if state == "not_checked":
                raise UserError(
                    self.env._(
                        "%(record)s: run the conflict check first.",
                        record=record.display_name,
                    )
                )
            raise UserError(
                self.env._(
                    "%(record)s is blocked by a possible conflict of interest "
                    "(%(state)s); contact compliance.",
                    record=record.display_name,
                    state=dict(
                        record._fields["coi_check_state"]._description_selection(
                            self.env
                        )
                    )[state],
                )
            )
        return True
