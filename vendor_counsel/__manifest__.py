{
    "name": "Outside Counsel",
    "summary": "Outside law firms: panel, engagement, fees, filing, evaluations, "
    "conflicts of interest",
    "version": "19.0.1.0.0",
    "category": "Services/Outside Counsel",
    "website": "https://github.com/compliance-suite/compliance-suite",
    "author": "Compliance Suite Contributors",
    "maintainers": ["compliance-suite"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": [
        "business_deadline",
        "hr",
        "portal",
        "base_tier_validation",
    ],
    "data": [
        "security/vendor_counsel_groups.xml",
        "security/ir.model.access.csv",
        "security/vendor_counsel_security.xml",
        "data/ir_sequence_data.xml",
        "views/res_config_settings_views.xml",
        "views/vendor_counsel_menus.xml",
        # each slice's views (with its menu items under the sections above)
        # --- vc_coi_check
        "security/vc_coi_check_security.xml",
        "data/vc_coi_check_data.xml",
        "views/vc_coi_check_views.xml",
    ],
    "demo": [
        # --- vc_coi_check
        "demo/vc_coi_check_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "vendor_counsel/static/tests/tours/**/*",
        ],
    },
    "application": True,
    "installable": True,
}
