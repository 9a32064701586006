from django.http import JsonResponse


def rooms(request):
    return JsonResponse({"rooms": []})
