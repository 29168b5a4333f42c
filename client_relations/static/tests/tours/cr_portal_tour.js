import {registry} from "@web/core/registry";

// A client's contact opens /my, submits a complaint from the portal and finds it
// in the list of the company's requests.
registry.category("web_tour.tours").add("cr_portal_tour", {
    steps: () => [
        {
            content: "Open the service requests",
            trigger: "a[href='/my/cr_requests']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "New request",
            trigger: "a.o_cr_request_new",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Subject",
            trigger: ".o_cr_request_form input[name='subject']",
            run: "edit 会议室投影仪无法开机",
        },
        {
            content: "Type: complaint",
            trigger: ".o_cr_request_form select[name='kind']",
            run: "select complaint",
        },
        {
            content: "Description",
            trigger: ".o_cr_request_form textarea[name='description']",
            run: "edit 三楼大会议室投影仪昨天报修后仍无法开机，影响明天的客户会议。",
        },
        {
            content: "Submit",
            trigger: ".o_cr_request_form .o_cr_request_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The request was received",
            trigger: ".o_cr_request_submitted",
        },
        {
            content: "Back to the list",
            trigger: ".o_portal_submenu a[href='/my/cr_requests']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The request is in the list",
            trigger: ".o_cr_request_subject:contains(会议室投影仪无法开机)",
        },
    ],
});
