// The pages work without this file; it adds copying a feed link and htmx's CSRF header for requests without a form.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('button.copy[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var field = document.getElementById(button.getAttribute('data-copy'));
      field.select();
      if (navigator.clipboard) {
        navigator.clipboard.writeText(field.value).then(function () { button.textContent = 'Kopieret'; });
      }
    });
  });
});
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('input[name="_csrf"]');
  if (token) {
    event.detail.headers['X-CSRF-TOKEN'] = token.value;
  }
});
