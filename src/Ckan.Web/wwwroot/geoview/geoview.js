// Draws the resource of a geoview page on a Leaflet map. The container's data attributes carry the resource
// URL, its format and the base map settings; GeoJSON and KML are fetched and drawn as vector layers, WMS and
// WMTS as tile layers, and WFS through a GetFeature request for GeoJSON.
(function () {
    'use strict';

    var container = document.getElementById('geoview-map');
    var message = document.getElementById('geoview-message');
    var map = L.map(container, { worldCopyJump: true }).setView([0, 0], 2);
    container.dataset.state = 'loading';

    if (container.dataset.basemapUrl) {
        L.tileLayer(container.dataset.basemapUrl, {
            attribution: container.dataset.basemapAttribution || '',
            maxZoom: 19,
        }).addTo(map);
    }

    function fail(text) {
        message.textContent = text;
        message.hidden = false;
        container.dataset.state = 'failed';
    }

    function popupOf(feature) {
        var properties = feature.properties || {};
        var rows = Object.keys(properties).map(function (key) {
            var row = document.createElement('tr');
            var name = document.createElement('th');
            var value = document.createElement('td');
            name.textContent = key;
            value.textContent = properties[key] === null ? '' : String(properties[key]);
            row.append(name, value);
            return row;
        });
        var table = document.createElement('table');
        table.append.apply(table, rows);
        return table;
    }

    function drawFeatures(geojson) {
        var layer = L.geoJSON(geojson, {
            onEachFeature: function (feature, featureLayer) {
                if (feature.properties && Object.keys(feature.properties).length) {
                    featureLayer.bindPopup(function () { return popupOf(feature); });
                }
            },
        }).addTo(map);
        var count = layer.getLayers().length;
        container.dataset.featureCount = String(count);
        if (count === 0) {
            fail('The file has no features to draw.');
            return;
        }

        // Without animation the map is settled when the state turns ready, so clicks reach the features.
        map.fitBounds(layer.getBounds(), { maxZoom: 16, padding: [16, 16], animate: false });
        container.dataset.state = 'ready';
    }

    function fetchText(url) {
        return fetch(url).then(function (response) {
            if (!response.ok) {
                throw new Error('Loading ' + url + ' failed with HTTP status ' + response.status + '.');
            }

            return response.text();
        });
    }

    function serviceBase(url) {
        return url.split('?')[0];
    }

    function queryParameter(url, name) {
        var query = url.split('?')[1] || '';
        var found = new URLSearchParams(query);
        var value = null;
        found.forEach(function (item, key) {
            if (key.toLowerCase() === name.toLowerCase()) { value = item; }
        });
        return value;
    }

    function firstLayerName(capabilities, tag) {
        var document = new DOMParser().parseFromString(capabilities, 'application/xml');
        var layers = document.getElementsByTagNameNS('*', tag);
        for (var i = 0; i < layers.length; i++) {
            var name = Array.prototype.find.call(layers[i].children, function (child) {
                return child.localName === 'Name' || child.localName === 'Identifier';
            });
            if (name) { return { name: name.textContent.trim(), node: layers[i], document: document }; }
        }
        return null;
    }

    function drawWms(url) {
        var base = serviceBase(url);
        var layers = queryParameter(url, 'layers');
        var ready = layers
            ? Promise.resolve(layers)
            : fetchText(base + '?service=WMS&request=GetCapabilities').then(function (text) {
                var layer = firstLayerName(text, 'Layer');
                if (!layer) { throw new Error('The WMS capabilities name no layer.'); }
                return layer.name;
            });
        return ready.then(function (name) {
            L.tileLayer.wms(base, { layers: name, format: 'image/png', transparent: true }).addTo(map);
            container.dataset.state = 'ready';
        });
    }

    function drawWfs(url) {
        var base = serviceBase(url);
        var typeName = queryParameter(url, 'typeName') || queryParameter(url, 'typeNames');
        var ready = typeName
            ? Promise.resolve(typeName)
            : fetchText(base + '?service=WFS&request=GetCapabilities').then(function (text) {
                var type = firstLayerName(text, 'FeatureType');
                if (!type) { throw new Error('The WFS capabilities name no feature type.'); }
                return type.name;
            });
        return ready.then(function (name) {
            var request = base + '?service=WFS&version=2.0.0&request=GetFeature&outputFormat=application/json'
                + '&srsName=EPSG:4326&typeNames=' + encodeURIComponent(name);
            return fetchText(request).then(function (text) { drawFeatures(JSON.parse(text)); });
        });
    }

    function drawWmts(url) {
        var capabilitiesUrl = url.indexOf('?') >= 0 ? url : url + '?service=WMTS&request=GetCapabilities';
        return fetchText(capabilitiesUrl).then(function (text) {
            var layer = firstLayerName(text, 'Layer');
            if (!layer) { throw new Error('The WMTS capabilities name no layer.'); }
            var sets = layer.document.getElementsByTagNameNS('*', 'TileMatrixSet');
            var mercator = Array.prototype.find.call(sets, function (set) {
                var crs = set.getElementsByTagNameNS('*', 'SupportedCRS')[0];
                return crs && /(3857|900913)$/.test(crs.textContent.trim());
            });
            if (!mercator) { throw new Error('The WMTS layer has no Web Mercator (EPSG:3857) tile matrix set.'); }
            var setName = Array.prototype.find.call(mercator.children, function (child) {
                return child.localName === 'Identifier';
            }).textContent.trim();
            var template = layer.node.getElementsByTagNameNS('*', 'ResourceURL')[0];
            var tiles = template
                ? template.getAttribute('template').replace('{TileMatrixSet}', setName)
                    .replace('{TileMatrix}', '{z}').replace('{TileRow}', '{y}').replace('{TileCol}', '{x}')
                    .replace('{Style}', 'default')
                : serviceBase(url) + '?service=WMTS&request=GetTile&version=1.0.0&layer='
                    + encodeURIComponent(layer.name) + '&style=default&format=image/png&tileMatrixSet='
                    + encodeURIComponent(setName) + '&tileMatrix={z}&tileRow={y}&tileCol={x}';
            L.tileLayer(tiles).addTo(map);
            container.dataset.state = 'ready';
        });
    }

    var url = container.dataset.url;
    var format = container.dataset.format;
    var drawing;
    if (container.dataset.viewType === 'wmts_view' || format === 'wmts') {
        drawing = drawWmts(url);
    } else if (format === 'wms') {
        drawing = drawWms(url);
    } else if (format === 'wfs') {
        drawing = drawWfs(url);
    } else if (format === 'kml') {
        drawing = fetchText(url).then(function (text) { drawFeatures(window.kmlToGeoJson(text)); });
    } else {
        drawing = fetchText(url).then(function (text) { drawFeatures(JSON.parse(text)); });
    }

    drawing.catch(function (error) {
        fail(error instanceof SyntaxError ? 'The file is not valid JSON: ' + error.message : error.message);
    });
})();
