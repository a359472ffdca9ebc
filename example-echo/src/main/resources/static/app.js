// Fetches a user from the echo app and shows the JSON it answers. The URL is relative to this page
// (/static/ → /users/42), so the page also works under a path prefix such as an API Gateway stage.
(function () {
  'use strict';
  var result = document.getElementById('result');
  fetch(new URL('../users/42', document.baseURI))
    .then(function (response) {
      if (!response.ok) {
        throw new Error('GET users/42 answered ' + response.status);
      }
      return response.text();
    })
    .then(function (text) {
      result.textContent = text;
    })
    .catch(function (error) {
      result.textContent = 'failed: ' + error.message;
      console.error(error);
    });
})();
