from .common import VendorCounselCommon


class TestCommonSmoke(VendorCounselCommon):
    """The shared fixtures: a request and an engagement on China's 2026 calendar."""

    def test_fixtures(self):
        """The company counts on the imported 2026 calendar; the core records save."""
        request = self._create_request()
        engagement = self._create_engagement(request_id=request.id)
        self.assertEqual(request.state, "draft")
        self.assertEqual(engagement.firm_id, self.firm)
        self.assertEqual(self.company.resource_calendar_id, self.calendar)
        self.assertEqual(self.lawyer.commercial_partner_id, self.firm)
