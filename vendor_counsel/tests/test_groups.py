from odoo.tests import TransactionCase, tagged

from odoo.addons.business_deadline.tests.common import AddonGroupsCases


@tagged("post_install", "-at_install")
class TestVendorCounselGroups(AddonGroupsCases, TransactionCase):
    """The addon installs with its privilege and its user ⊂ manager groups."""

    addon = "vendor_counsel"
    category_xmlid = "base.module_category_services"
    privilege_zh = "外聘律师"
