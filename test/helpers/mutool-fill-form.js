// mutool run mutool-fill-form.js IN.pdf OUT.pdf NAME VALUE [NAME VALUE ...]
// Fills fields, by full name, as MuPDF's viewer does when someone types or clicks: a text
// field gets setTextValue, then update (which regenerates its appearance); a radio group
// or check box is clicked (toggle) on the box whose state is VALUE ("3", "Yes"). Then saves.
// MuPDF's JavaScript (MuJS, ES5), not Node: run by test/helpers/pdf-form.ts.

function fullName(field) {
  var parts = [];
  for (var node = field; node && !node.isNull(); node = node.get('Parent')) {
    var partial = node.get('T');
    if (partial && !partial.isNull()) parts.unshift(partial.asString());
  }
  return parts.join('.');
}

var doc = new PDFDocument(scriptArgs[0]);
var wanted = {};
for (var i = 2; i + 1 < scriptArgs.length; i += 2) wanted[scriptArgs[i]] = scriptArgs[i + 1];

for (var p = 0; p < doc.countPages(); p++) {
  var widgets = doc.loadPage(p).getWidgets();
  // This MuPDF's widgets do not hand out their dictionaries: they come in the order of the page's /Annots widgets.
  var annots = doc.findPage(p).get('Annots');
  var dicts = [];
  for (var a = 0; annots && annots.isArray() && a < annots.length; a++) {
    if (String(annots.get(a).get('Subtype')).indexOf('Widget') >= 0) dicts.push(annots.get(a));
  }
  for (var w = 0; w < widgets.length; w++) {
    var name = fullName(dicts[w]);
    if (wanted[name] === undefined) continue;
    var type = widgets[w].getFieldType();
    if (type === 'radiobutton' || type === 'checkbox') {
      // Its states are the keys of its normal appearances (<</3 71 0 R/Off 72 0 R>>); this
      // MuJS looks a key made of digits up as an array index, so read them from the text.
      if (String(dicts[w].get('AP').get('N')).indexOf('/' + wanted[name] + ' ') < 0) continue;
      widgets[w].toggle();
    } else {
      widgets[w].setTextValue(wanted[name]);
    }
    widgets[w].update();
    print(name + ' ' + (p + 1));
  }
}
doc.save(scriptArgs[1]);
