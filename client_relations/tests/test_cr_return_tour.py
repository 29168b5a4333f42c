from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestCrReturnTour(HttpCase):
    pass
