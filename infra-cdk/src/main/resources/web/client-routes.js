// CloudFront Function (cloudfront-js-2.0), viewer request on the web app's files: the app's
// screens (web-spa/src/router.ts; the local gateway's WebAppController serves the same paths)
// have no file of their own, so they are answered with index.html and the app routes in the browser.
var SCREENS = [
    /^\/(tools|history|customers)\/?$/,
    /^\/(tools|customers)\/[^\/]+\/?$/,
    /^\/runs\/[^\/]+\/?$/,
    /^\/runs\/[^\/]+\/compare\/[^\/]+\/?$/
];

function handler(event) {
    var request = event.request;
    for (var i = 0; i < SCREENS.length; i++) {
        if (SCREENS[i].test(request.uri)) {
            request.uri = '/index.html';
            break;
        }
    }
    return request;
}
