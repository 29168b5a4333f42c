from odoo.tests import TransactionCase, tagged

from odoo.addons.business_deadline.tests.common import AddonGroupsCases


@tagged("post_install", "-at_install")
class TestClientRelationsGroups(AddonGroupsCases, TransactionCase):
    """The addon installs with its privilege and its user ⊂ manager groups."""

    addon = "client_relations"
    category_xmlid = "base.module_category_sales"
    privilege_zh = "客户关系"
