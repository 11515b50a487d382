// The focal point by clicking on the picture: the point becomes the form's x and y (fractions of
// the width and height) and the form is sent (htmx swaps the picture and the crops). A static file
// (the Content-Security-Policy allows no inline script); without it the x and y fields still work.
(function () {
  'use strict';
  // the marker is placed from here: the Content-Security-Policy allows no inline style attribute
  function place() {
    var marker = document.querySelector('[data-marker]');
    if (!marker) { return; }
    marker.style.left = (parseFloat(marker.getAttribute('data-x')) * 100) + '%';
    marker.style.top = (parseFloat(marker.getAttribute('data-y')) * 100) + '%';
  }
  document.addEventListener('DOMContentLoaded', place);
  document.addEventListener('htmx:afterSettle', place);
  document.addEventListener('click', function (event) {
    var image = event.target;
    if (!image || image.id !== 'focal-image') { return; }
    var box = image.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) { return; }
    var x = (event.clientX - box.left) / box.width;
    var y = (event.clientY - box.top) / box.height;
    document.getElementById('focal-x').value = x.toFixed(3);
    document.getElementById('focal-y').value = y.toFixed(3);
    var form = document.getElementById('focal-form');
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  });
})();
