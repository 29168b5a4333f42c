import { registry } from "@web/core/registry";

// The client opens the token link of its feedback card (no login), rates the five
// items, comments and sends; the thanks page shows and the form is gone.
registry.category("web_tour.tours").add("qt_feedback_card_portal_tour", {
    steps: () => [
        {
            content: "Rate the professional skill: very satisfied",
            trigger: ".o_qt_feedback_form input[name='rating_skill'][value='4']",
            run: "click",
        },
        {
            content: "Rate the professional ethics: very satisfied",
            trigger: ".o_qt_feedback_form input[name='rating_ethics'][value='4']",
            run: "click",
        },
        {
            content: "Rate the communication: satisfied",
            trigger: ".o_qt_feedback_form input[name='rating_communication'][value='3']",
            run: "click",
        },
        {
            content: "Rate the result: satisfied",
            trigger: ".o_qt_feedback_form input[name='rating_result'][value='3']",
            run: "click",
        },
        {
            content: "Rate the overall satisfaction: very satisfied",
            trigger: ".o_qt_feedback_form input[name='rating_overall'][value='4']",
            run: "click",
        },
        {
            content: "Write a comment",
            trigger: ".o_qt_feedback_form textarea[name='comments']",
            run: "edit 律师团队专业高效，沟通及时。",
        },
        {
            content: "Allow the firm to quote it",
            trigger: ".o_qt_feedback_form input[name='may_publish']",
            run: "click",
        },
        {
            content: "Send the card",
            trigger: ".o_qt_feedback_form .o_qt_feedback_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The thanks page shows, without the form",
            trigger: ".o_qt_feedback_thanks",
        },
        {
            trigger: "body:not(:has(.o_qt_feedback_form))",
        },
    ],
});
