from odoo.tests import TransactionCase, tagged

from .common import AddonGroupsCases


@tagged("post_install", "-at_install")
class TestBusinessDeadlineGroups(AddonGroupsCases, TransactionCase):
    """The addon installs with its privilege and its user ⊂ manager groups."""

    addon = "business_deadline"
    category_xmlid = "base.module_category_productivity"
    privilege_zh = "业务期限"
