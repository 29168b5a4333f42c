import {registry} from "@web/core/registry";

// (b) A law firm's portal user opens /my, sees the firm's engagement, then opens an
// invitation to bid and submits a quote with a note.
registry.category("web_tour.tours").add("vc_portal_tour", {
    steps: () => [
        {
            content: "Open the engagements",
            trigger: "a[href='/my/counsel/engagements']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Open the engagement",
            trigger: "a.o_vc_engagement_link:contains(TOUR-ENG)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The engagement's term and service matter",
            trigger: ".o_vc_engagement:contains(门户巡检服务事项)",
        },
        {
            content: "Back home",
            trigger: ".o_portal_submenu a[href='/my/home']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Open the invitations to bid",
            trigger: "a[href='/my/counsel/bids']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Open the invitation",
            trigger: "a.o_vc_bid_link:contains(TOUR-SEL)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Quote the fee",
            trigger: ".o_vc_bid_form input[name='quote_amount']",
            run: "edit 88000",
        },
        {
            content: "Describe the proposal",
            trigger: ".o_vc_bid_form textarea[name='bid_note']",
            run: "edit 由三名合伙人组成团队，四周内完成。",
        },
        {
            content: "Submit the bid",
            trigger: ".o_vc_bid_form .o_vc_bid_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The bid was received",
            trigger: ".o_vc_bid_thanks",
        },
    ],
});
