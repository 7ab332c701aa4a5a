// Runs before the page renders (GOV.UK Frontend's convention), from a file so the CSP needs no inline script.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
