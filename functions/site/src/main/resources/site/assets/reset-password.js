// The token from the email link is only sent with the new password, when the reader submits the form.
(function () {
  'use strict';
  var form = document.getElementById('reset');
  var status = document.getElementById('status');
  var api = document.querySelector('meta[name="warta-api"]').content;
  var token = new URLSearchParams(window.location.search).get('token');
  window.history.replaceState(null, '', window.location.pathname);
  if (!token) {
    form.hidden = true;
    status.textContent = 'Tautan tidak lengkap. Buka kembali tautan dari email Anda.';
    return;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var password = form.elements.password.value;
    if (password.length < 8 || password.length > 128) {
      status.textContent = 'Kata sandi harus 8 sampai 128 karakter.';
      return;
    }
    if (password !== form.elements.confirmation.value) {
      status.textContent = 'Kedua kata sandi tidak sama.';
      return;
    }
    fetch(api + '/auth/password/reset', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({token: token, password: password})
    }).then(function (response) {
      if (response.status === 204) {
        form.hidden = true;
        status.textContent = 'Kata sandi sudah diganti. Silakan masuk dengan kata sandi baru.';
      } else if (response.status === 400) {
        return response.json().then(function (body) {
          status.textContent = body.error && body.error.code === 'TOKEN_INVALID'
            ? 'Tautan tidak valid, sudah dipakai, atau kedaluwarsa. Minta tautan baru dari halaman masuk.'
            : 'Periksa kembali kata sandi Anda.';
        });
      } else {
        status.textContent = 'Belum berhasil. Coba lagi beberapa saat lagi.';
      }
    }).catch(function () {
      status.textContent = 'Tidak dapat menghubungi server. Periksa koneksi Anda lalu coba lagi.';
    });
  });
}());
