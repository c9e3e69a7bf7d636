// Maps of the spatial plugins: the extent of a dataset on its page, and on the search page a map on which
// the user drags a box that becomes the ext_bbox search parameter. Needs Leaflet (window.L).
(function () {
    'use strict';

    // Boxes take no pointer events, so the map receives the whole drag that draws one.
    var boxStyle = { color: '#c2410c', weight: 2, fillColor: '#fb923c', fillOpacity: 0.2, interactive: false };
    var world = [[-85, -180], [85, 180]];

    // Draws tiles when a URL is configured. Without one it draws a graticule every 10 degrees on a plain
    // background, so the map stays readable on portals without access to a tile server.
    function createMap(element) {
        var map = L.map(element, { worldCopyJump: false, minZoom: 0 });
        var tileUrl = element.getAttribute('data-tile-url');
        if (tileUrl) {
            L.tileLayer(tileUrl, { attribution: element.getAttribute('data-attribution') || '' }).addTo(map);
            return map;
        }

        element.classList.add('spatial-map-plain');
        var lines = { color: '#94a3b8', weight: 1, opacity: 0.5, interactive: false };
        for (var longitude = -180; longitude <= 180; longitude += 10) {
            L.polyline([[-85, longitude], [85, longitude]], lines).addTo(map);
        }
        for (var latitude = -80; latitude <= 80; latitude += 10) {
            L.polyline([[latitude, -180], [latitude, 180]], lines).addTo(map);
        }
        L.polyline([[0, -180], [0, 180]], { color: '#64748b', weight: 1.5, interactive: false }).addTo(map);
        L.rectangle(world, { color: '#475569', weight: 1.5, fill: false, interactive: false }).addTo(map);
        return map;
    }

    function parseBox(text) {
        var parts = (text || '').split(',').map(Number);
        if (parts.length !== 4 || parts.some(isNaN)) {
            return null;
        }
        return L.latLngBounds([parts[1], parts[0]], [parts[3], parts[2]]);
    }

    function formatBox(bounds) {
        return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]
            .map(function (value) { return Math.round(value * 10000) / 10000; })
            .join(',');
    }

    function showDatasetExtent(element) {
        var map = createMap(element);
        var geometry = JSON.parse(element.getAttribute('data-spatial-extent'));
        var layer = L.geoJSON(geometry, {
            style: boxStyle,
            pointToLayer: function (feature, point) {
                return L.circleMarker(point, L.extend({ radius: 6 }, boxStyle));
            }
        }).addTo(map);
        var bounds = layer.getBounds();
        if (bounds.getNorthEast().equals(bounds.getSouthWest())) {
            map.setView(bounds.getCenter(), 6);
        } else {
            map.fitBounds(bounds, { padding: [12, 12], maxZoom: 10 });
        }
        element.setAttribute('data-ready', 'true');
    }

    function setUpSearchMap(element) {
        var map = createMap(element);
        // Lets page scripts and browser tests convert coordinates to points on this map.
        element.leafletMap = map;
        var current = parseBox(element.getAttribute('data-bbox'));
        var previous = parseBox(element.getAttribute('data-prev-extent'));
        if (current) {
            L.rectangle(current, boxStyle).addTo(map);
        }
        if (previous) {
            map.fitBounds(previous);
        } else if (current) {
            map.fitBounds(current, { padding: [20, 20] });
        } else {
            map.fitBounds(world);
        }

        var button = document.getElementById('spatial-draw');
        var drawing = false;
        var start = null;
        var box = null;

        button.addEventListener('click', function () {
            drawing = true;
            map.dragging.disable();
            element.classList.add('spatial-drawing');
            button.disabled = true;
        });

        map.on('mousedown', function (event) {
            if (!drawing) {
                return;
            }
            start = event.latlng;
            box = L.rectangle(L.latLngBounds(start, start), boxStyle).addTo(map);
        });

        map.on('mousemove', function (event) {
            if (drawing && start) {
                box.setBounds(L.latLngBounds(start, event.latlng));
            }
        });

        map.on('mouseup', function (event) {
            if (!drawing || !start) {
                return;
            }
            var bounds = L.latLngBounds(start, event.latlng);
            drawing = false;
            start = null;
            if (bounds.getNorthEast().equals(bounds.getSouthWest())) {
                map.removeLayer(box);
                map.dragging.enable();
                element.classList.remove('spatial-drawing');
                button.disabled = false;
                return;
            }
            var url = new URL(window.location.href);
            url.searchParams.set('ext_bbox', formatBox(bounds));
            url.searchParams.set('ext_prev_extent', formatBox(map.getBounds()));
            url.searchParams.delete('page');
            window.location.assign(url.toString());
        });

        element.setAttribute('data-ready', 'true');
    }

    document.querySelectorAll('[data-spatial-extent]').forEach(showDatasetExtent);
    document.querySelectorAll('[data-spatial-query]').forEach(setUpSearchMap);
})();
